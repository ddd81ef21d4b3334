package cc.core.contract;

/** Asks for every customer's scores to be recomputed now; {@code requestedBy} is logged (a user name, or a module). */
public record RecomputeScores(String requestedBy) {}
