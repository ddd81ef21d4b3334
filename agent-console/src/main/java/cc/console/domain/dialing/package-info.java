/** Which numbers an agent may dial from the console. */
package cc.console.domain.dialing;
