/** The ACD's pure routing core: which agent takes which call, decided from events and {@code now} alone. */
package cc.acd.domain;
