/** The IVR module's assembly: wires the flow directory, FastAGI server and adapters for the launcher. */
package cc.ivr;
