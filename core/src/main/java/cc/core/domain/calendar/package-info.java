/** Calendars the contact center speaks, shows and schedules in: the Jalali (Solar Hijri) calendar beside java.time's Gregorian one. */
package cc.core.domain.calendar;
