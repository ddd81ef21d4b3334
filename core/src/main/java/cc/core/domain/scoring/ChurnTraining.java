package cc.core.domain.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the churn model on the center's own history and measures it on customers it never saw: about one customer
 * in five (chosen by id, so the same customers on every run) is held out, the rest trained on.
 *
 * <p>Each customer is labelled churned when their account was closed or a contact was disposed as churn, and read as
 * of that moment; the others are read as of {@code now}.
 */
public final class ChurnTraining {

    /** The trained model, its AUC on the held-out customers, and how many customers each side had. */
    public record Result(ChurnModel model, double heldOutAuc, int trained, int heldOut, int churners) {}

    private final ChurnLearner learner;

    public ChurnTraining(ChurnLearner learner) {
        this.learner = learner;
    }

    public static boolean heldOut(long customerId) {
        // a fixed mix of the id, so held-out customers are spread over the id range and stable between runs
        long h = customerId * 0x9E3779B97F4A7C15L;
        return Math.floorMod(h >>> 32, 5) == 0;
    }

    /** Reads a customer for training: as of their churn when they churned, as of {@code now} otherwise. */
    public static ChurnLearner.LabelledCustomer labelled(CustomerHistory h, Instant now) {
        Instant churned = h.churnedAt().orElse(null);
        return new ChurnLearner.LabelledCustomer(CustomerFeatures.of(h, churned == null ? now : churned),
                churned != null);
    }

    /** @throws IllegalArgumentException when the history has no churner or no stayer to learn from */
    public Result train(List<CustomerHistory> histories, Instant now) {
        List<ChurnLearner.LabelledCustomer> all = new ArrayList<>(histories.size());
        for (CustomerHistory h : histories) {
            all.add(labelled(h, now));
        }
        return trainOn(all);
    }

    /**
     * Trains on the customers not held out and measures on the held-out ones.
     *
     * @throws IllegalArgumentException when there is no churner or no stayer to learn from
     */
    public Result trainOn(List<ChurnLearner.LabelledCustomer> customers) {
        List<ChurnLearner.LabelledCustomer> train = new ArrayList<>();
        List<ChurnLearner.LabelledCustomer> test = new ArrayList<>();
        int churners = 0;
        for (ChurnLearner.LabelledCustomer l : customers) {
            churners += l.churned() ? 1 : 0;
            (heldOut(l.features().customerId()) ? test : train).add(l);
        }
        long trainChurners = train.stream().filter(ChurnLearner.LabelledCustomer::churned).count();
        if (trainChurners == 0 || trainChurners == train.size()) {
            throw new IllegalArgumentException("churn training needs customers who churned and customers who stayed;"
                    + " got " + trainChurners + " churners among " + train.size());
        }
        ChurnModel model = learner.train(train);
        double[] scores = new double[test.size()];
        boolean[] positive = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            scores[i] = model.risk(test.get(i).features());
            positive[i] = test.get(i).churned();
        }
        return new Result(model, Auc.of(scores, positive), train.size(), test.size(), churners);
    }
}
