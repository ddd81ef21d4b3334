/**
 * Historical reports per queue and per agent, computed from interaction records (with their segments) and agent
 * state spells: pure code that takes the facts of a time range and returns figures per bucket (15 minutes, hour,
 * day, week, month) in a time zone and in the Gregorian or the Jalali calendar. No SQL, no clock: the adapter streams
 * the facts in, in the order of their offer, so a month of millions of calls never sits in memory at once.
 */
package cc.core.domain.report;
