/** Call lists: contacts imported from CSV, their progress through attempts, do-not-call, and who to dial next. */
package cc.dialer.domain.list;
