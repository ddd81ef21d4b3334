/** External HTTP services for flows, through the Vert.x HTTP client with a hard time limit. */
package cc.ivr.adapter.http;
