/** Who may do what in the console: roles, sign-in throttling, CSRF tokens, access rules. */
package cc.console.domain.auth;
