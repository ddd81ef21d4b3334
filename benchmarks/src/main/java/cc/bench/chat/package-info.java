/** Web chat under load: visitor-to-agent message delivery over real WebSockets. */
package cc.bench.chat;
