package cc.core.domain.scoring;

import java.util.List;

/** A trained churn model: the probability a customer leaves, and which of their features pushed it up most. */
public interface ChurnModel {

    /** Probability, 0 to 1, that the customer with these features churns. */
    double risk(CustomerFeatures features);

    /**
     * The names (from {@link CustomerFeatures#NAMES}) of the features that raised this customer's risk most, at most
     * {@code top}, largest first; only features that raised it.
     */
    List<String> reasons(CustomerFeatures features, int top);
}
