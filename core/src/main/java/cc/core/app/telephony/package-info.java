/** The telephony port: the call-control commands and event stream the engines use, whatever carries the calls. */
package cc.core.app.telephony;
