package cn.xiaoben.launcher.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The autumn term of one year {@code Y}, as the demo county lives it. Week one is the week (Monday to Sunday) of
 * the first day, 1 September or the first weekday after it when 1 September falls on a weekend; the term's last
 * day is the Friday of teaching week 12; Monday to Friday are school days, except the weekdays of 国庆节
 * (1–7 October) and 中秋节 (from {@link #MID_AUTUMN}; for a year outside that table there is no Mid-Autumn
 * holiday). The demo's "now" is the Sunday after week 12: everything up to the last day has happened, the weekly
 * PD of the week after ({@link #planUntil()}) lies ahead. For 2026: 1 Sep (a Tuesday) – 20 Nov, planned until
 * 27 Nov, now 22 Nov.
 */
public final class TermCalendar {

	/** China's time zone: the county's dates are China's, and so is today's date in {@code ./platform up}. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final int LESSON_MINUTES = 45;

	/** Period start times; every lesson ends before 16:00. */
	public static final List<LocalTime> PERIODS = List.of(LocalTime.of(8, 0), LocalTime.of(8, 55),
			LocalTime.of(9, 55), LocalTime.of(10, 50), LocalTime.of(14, 0), LocalTime.of(14, 55));

	static final int TEACHING_WEEKS = 12;

	/** The time of day of {@link #demoNow()} (the Sunday after week 12), in China. */
	static final LocalTime DEMO_NOW_TIME = LocalTime.NOON;

	/** 中秋节 (15th day of the 8th lunar month) by year; years not listed have no Mid-Autumn day off. */
	static final Map<Integer, LocalDate> MID_AUTUMN = Map.ofEntries(Map.entry(2025, LocalDate.of(2025, 10, 6)),
			Map.entry(2026, LocalDate.of(2026, 9, 25)), Map.entry(2027, LocalDate.of(2027, 9, 15)),
			Map.entry(2028, LocalDate.of(2028, 10, 3)), Map.entry(2029, LocalDate.of(2029, 9, 22)),
			Map.entry(2030, LocalDate.of(2030, 9, 12)), Map.entry(2031, LocalDate.of(2031, 10, 1)),
			Map.entry(2032, LocalDate.of(2032, 9, 19)), Map.entry(2033, LocalDate.of(2033, 9, 8)),
			Map.entry(2034, LocalDate.of(2034, 9, 27)), Map.entry(2035, LocalDate.of(2035, 9, 16)));

	/** The term the demo plan was written for: its dates are moved by whole weeks to another year's term. */
	private static final int PLAN_YEAR = 2026;

	private final int year;

	private final LocalDate firstDay;

	private final LocalDate weekOne;

	private final long shiftDays;

	private final Set<LocalDate> holidays;

	private final List<LocalDate> schoolDays;

	private TermCalendar(int year) {
		this.year = year;
		this.firstDay = firstDay(year);
		this.weekOne = firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		this.shiftDays = ChronoUnit.DAYS.between(weekOne(PLAN_YEAR), weekOne);
		this.holidays = holidays(year);
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = firstDay; !day.isAfter(lastDay()); day = day.plusDays(1)) {
			if (isWeekday(day) && !holidays.contains(day)) {
				days.add(day);
			}
		}
		this.schoolDays = List.copyOf(days);
	}

	/** The autumn term starting in September of {@code autumnYear}. */
	public static TermCalendar of(int autumnYear) {
		return new TermCalendar(autumnYear);
	}

	/**
	 * The term of the latest year whose {@link #demoNow()} falls on or before {@code reference} (a date in China):
	 * 2026-12-08 and 2027-08-31 give the term of 2026, 2027-12-31 that of 2027.
	 */
	public static TermCalendar forReference(LocalDate reference) {
		TermCalendar calendar = of(reference.getYear());
		return calendar.demoNow().toLocalDate().isAfter(reference) ? of(reference.getYear() - 1) : calendar;
	}

	public int year() {
		return year;
	}

	/** {@code 2026-2027}: the school year the term opens. */
	public String schoolYear() {
		return year + "-" + (year + 1);
	}

	public LocalDate firstDay() {
		return firstDay;
	}

	/** The Friday of teaching week 12. */
	public LocalDate lastDay() {
		return weekOne.plusWeeks(TEACHING_WEEKS - 1L).plusDays(4);
	}

	/** The weekly PD slots are planned up to here: the sessions after {@link #lastDay()} lie ahead and stay planned. */
	public LocalDate planUntil() {
		return lastDay().plusDays(7);
	}

	/** The demo's "now": the Sunday after week 12 at noon in China. Before it is the past, after it the future. */
	public OffsetDateTime demoNow() {
		return OffsetDateTime.of(lastDay().plusDays(2), DEMO_NOW_TIME, ObservationPlanner.CHINA);
	}

	/** Monday to Friday from {@link #firstDay()} to {@link #lastDay()}, without the holidays. */
	public List<LocalDate> schoolDays() {
		return schoolDays;
	}

	/** The holiday's name (中秋节 / 国庆节) if {@code day} is a weekday off, else null. */
	public String holiday(LocalDate day) {
		if (!holidays.contains(day)) {
			return null;
		}
		return day.getMonthValue() == 10 && day.getDayOfMonth() <= 7 ? "国庆节" : "中秋节";
	}

	/**
	 * A date of the 2026 plan in this term: moved by the whole weeks between the two terms' week one (so the
	 * weekday and the teaching week stay); a day before the first day becomes the first day, one of this year's
	 * holidays the next school day after it. For 2026 every date of the plan stays as it is.
	 */
	public LocalDate shift(LocalDate planned) {
		LocalDate day = planned.plusDays(shiftDays);
		if (day.isBefore(firstDay)) {
			day = firstDay;
		}
		if (holidays.contains(day)) {
			do {
				day = day.plusDays(1);
			}
			while (!isWeekday(day) || holidays.contains(day));
		}
		return day;
	}

	/** {@code shift(LocalDate.of(2026, month, dayOfMonth))}: a date the plan names, in this term. */
	LocalDate planned(int month, int dayOfMonth) {
		return shift(LocalDate.of(PLAN_YEAR, month, dayOfMonth));
	}

	@Override
	public String toString() {
		return "autumn term " + year + " (" + firstDay + " – " + lastDay() + ", now " + demoNow() + ")";
	}

	private static LocalDate firstDay(int year) {
		LocalDate day = LocalDate.of(year, 9, 1);
		while (!isWeekday(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	private static LocalDate weekOne(int year) {
		return firstDay(year).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static boolean isWeekday(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	private static Set<LocalDate> holidays(int year) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate midAutumn = MID_AUTUMN.get(year);
		if (midAutumn != null && isWeekday(midAutumn)) {
			days.add(midAutumn);
		}
		for (int d = 1; d <= 7; d++) {
			LocalDate day = LocalDate.of(year, 10, d);
			if (isWeekday(day) && !days.contains(day)) {
				days.add(day);
			}
		}
		return Set.copyOf(days);
	}
}
