/** Assembles the server from its modules and runs it: configuration, storage, telephony, engines, HTTP. */
package cc.launcher;
