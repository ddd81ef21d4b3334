/** The next-best offer: a product catalog and the pure choice of the one offer an agent makes to a customer on a call. */
package cc.core.domain.offer;
