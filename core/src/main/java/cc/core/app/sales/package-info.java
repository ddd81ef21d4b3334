/** The sales pipeline report run over stored opportunities and contacts, and the port it reads them through. */
package cc.core.app.sales;
