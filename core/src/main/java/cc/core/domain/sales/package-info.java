/**
 * Sales opportunities and the sales pipeline: the one opportunity record (value with its currency, stage,
 * probability, owner, product, lost reason), the configured stages and lost reasons, and the pipeline report computed
 * from opportunities and the contacts behind them. Pure code: amounts are never added across currencies.
 */
package cc.core.domain.sales;
