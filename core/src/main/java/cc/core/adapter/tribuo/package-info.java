/** The churn model's learner on Tribuo (Apache-2.0): logistic regression trained by stochastic gradient descent. */
package cc.core.adapter.tribuo;
