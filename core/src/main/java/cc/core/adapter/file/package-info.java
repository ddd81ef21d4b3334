/** Files on the server's disk: the recordings directory, where the telephony servers' recordings are mounted. */
package cc.core.adapter.file;
