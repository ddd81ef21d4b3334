package cc.core.domain.scoring;

import java.util.List;

/** Trains a churn model from labelled examples: the port a machine-learning library's adapter implements. */
public interface ChurnLearner {

    /** @param examples customers' features and whether each churned; both labels present */
    ChurnModel train(List<LabelledCustomer> examples);

    record LabelledCustomer(CustomerFeatures features, boolean churned) {}
}
