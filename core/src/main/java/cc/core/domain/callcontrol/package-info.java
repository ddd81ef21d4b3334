/**
 * Call control on a call in progress, decided as data: which Asterisk commands carry out an agent's hold, transfer,
 * consultation, conference, hang-up or recording change, from the call's state and the rules, and what the call
 * becomes. Pure: facts and requests in, steps to carry out and state to publish out; no sockets, bus or clock.
 */
package cc.core.domain.callcontrol;
