/** IVR flows as data: the node types, their keys and the checks a flow must pass before any caller enters it. */
package cc.ivr.domain.flow;
