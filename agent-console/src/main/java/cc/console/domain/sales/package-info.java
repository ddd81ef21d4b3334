/** Sales opportunities agents record from a call: value with its currency, probability, owner. */
package cc.console.domain.sales;
