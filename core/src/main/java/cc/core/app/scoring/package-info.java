/**
 * Keeps customer scores current: the recomputer verticle reads every customer's history from the store, trains the
 * churn model on it, and writes value, loyalty, churn risk and offer propensity with their reasons, on a schedule and on request.
 */
package cc.core.app.scoring;
