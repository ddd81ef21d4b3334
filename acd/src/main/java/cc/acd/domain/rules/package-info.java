/** Score rules: what a customer's scores (churn risk, value tier, propensities) do to a call entering the ACD. */
package cc.acd.domain.rules;
