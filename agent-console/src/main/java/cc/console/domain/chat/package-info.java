/** Web chats between a visitor and an agent: the pure state of every chat, its messages, limits and timeouts. */
package cc.console.domain.chat;
