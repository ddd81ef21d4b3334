/** Estimated wait time and position for waiting callers, and how far the estimates were from the actual waits. */
package cc.acd.domain.estimate;
