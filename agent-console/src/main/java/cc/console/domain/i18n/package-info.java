/** Persian and English for the console: the Jalali calendar, Persian digits, date labels per language. */
package cc.console.domain.i18n;
