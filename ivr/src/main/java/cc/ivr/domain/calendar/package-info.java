/** Calendars the IVR speaks and schedules in: the Jalali (Solar Hijri) calendar beside java.time's Gregorian one. */
package cc.ivr.domain.calendar;
