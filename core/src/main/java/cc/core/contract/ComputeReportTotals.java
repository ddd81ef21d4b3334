package cc.core.contract;

/** Asks for the closed days' report totals to be stored now; {@code requestedBy} is logged (a user, or a module). */
public record ComputeReportTotals(String requestedBy) {}
