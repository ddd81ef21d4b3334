/** The console's services: sign-in and sessions, the live channel hub, screen-pops, scripted answers, wallboard. */
package cc.console.app;
