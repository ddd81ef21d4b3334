/**
 * What a lookup is and how its answer is read, free of HTTP and time: the definition, the URL template filled from
 * the customer's keys, the rows picked out of a parsed answer, and what the agent is told when a system is away.
 */
package cc.integration.lookup.domain;
