/** How numbers, digits, dates, times and money are spoken in each language, as lists of prompt fragments. */
package cc.ivr.domain.speech;
