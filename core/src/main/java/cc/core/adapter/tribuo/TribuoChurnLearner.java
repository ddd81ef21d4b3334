package cc.core.adapter.tribuo;

import cc.core.domain.scoring.ChurnLearner;
import cc.core.domain.scoring.ChurnModel;
import cc.core.domain.scoring.CustomerFeatures;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Churn risk as a logistic regression (Tribuo's {@link LinearSGDTrainer} with the log loss, AdaGrad, a fixed seed).
 * Features are standardised on the training set first, so the weights are comparable and a customer's reasons are the
 * features whose weight times standardised value raised the churn log-odds most.
 */
public final class TribuoChurnLearner implements ChurnLearner {
    static final Label CHURNED = new Label("churned");
    static final Label STAYED = new Label("stayed");
    /** Tribuo logs the loss every n examples at INFO by default: thousands of lines per training; -1 logs none. */
    private static final int NO_LOSS_LOG = -1;
    private static final String[] NAMES = CustomerFeatures.NAMES.toArray(String[]::new);

    private final int epochs;
    private final long seed;

    public TribuoChurnLearner() {
        this(10, 12345L);
    }

    public TribuoChurnLearner(int epochs, long seed) {
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public ChurnModel train(List<LabelledCustomer> examples) {
        int n = NAMES.length;
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (LabelledCustomer e : examples) {
            double[] v = e.features().vector();
            for (int j = 0; j < n; j++) {
                mean[j] += v[j];
            }
        }
        for (int j = 0; j < n; j++) {
            mean[j] /= examples.size();
        }
        for (LabelledCustomer e : examples) {
            double[] v = e.features().vector();
            for (int j = 0; j < n; j++) {
                sd[j] += (v[j] - mean[j]) * (v[j] - mean[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            sd[j] = Math.sqrt(sd[j] / examples.size());
            if (sd[j] == 0) {
                sd[j] = 1; // a constant feature: nothing to learn from it, and no division by zero
            }
        }
        Standardised standardised = new Standardised(mean, sd);
        List<Example<Label>> rows = new ArrayList<>(examples.size());
        for (LabelledCustomer e : examples) {
            rows.add(standardised.example(e.features(), e.churned() ? CHURNED : STAYED));
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>(rows, labels,
                new SimpleDataSourceProvenance("customer history", labels)));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs, NO_LOSS_LOG, 1, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(data);
        return new TrainedModel(model, standardised);
    }

    /** The training set's mean and standard deviation per feature. */
    record Standardised(double[] mean, double[] sd) {
        double[] values(CustomerFeatures f) {
            double[] v = f.vector();
            for (int j = 0; j < v.length; j++) {
                v[j] = (v[j] - mean[j]) / sd[j];
            }
            return v;
        }

        Example<Label> example(CustomerFeatures f, Label label) {
            return new ArrayExample<>(label, NAMES, values(f));
        }
    }

    /** Predicts with Tribuo's model; reasons from its weights (churned row minus stayed row). */
    static final class TrainedModel implements ChurnModel {
        private final LinearSGDModel model;
        private final Standardised standardised;
        /** Per feature, in {@link CustomerFeatures#NAMES} order: how much one standard deviation adds to the log-odds. */
        private final double[] logOddsPerSd;

        TrainedModel(LinearSGDModel model, Standardised standardised) {
            this.model = model;
            this.standardised = standardised;
            DenseMatrix w = model.getWeightsCopy();
            int churned = model.getOutputIDInfo().getID(CHURNED);
            int stayed = model.getOutputIDInfo().getID(STAYED);
            logOddsPerSd = new double[NAMES.length];
            for (int j = 0; j < NAMES.length; j++) {
                var feature = model.getFeatureIDMap().get(NAMES[j]);
                if (feature != null) {
                    int id = feature.getID();
                    logOddsPerSd[j] = w.get(churned, id) - w.get(stayed, id);
                }
            }
        }

        @Override
        public double risk(CustomerFeatures features) {
            Prediction<Label> p = model.predict(standardised.example(features, LabelFactory.UNKNOWN_LABEL));
            return p.getOutputScores().get(CHURNED.getLabel()).getScore();
        }

        @Override
        public List<String> reasons(CustomerFeatures features, int top) {
            double[] z = standardised.values(features);
            List<Integer> raising = new ArrayList<>();
            double[] contribution = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                contribution[j] = logOddsPerSd[j] * z[j];
                if (contribution[j] > 0) {
                    raising.add(j);
                }
            }
            raising.sort(Comparator.comparingDouble((Integer j) -> contribution[j]).reversed());
            return raising.stream().limit(top).map(j -> NAMES[j]).toList();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("churn log-odds per standard deviation:");
            for (int j = 0; j < NAMES.length; j++) {
                s.append(String.format(" %s %+.2f", NAMES[j], logOddsPerSd[j]));
            }
            return s.toString();
        }
    }
}
