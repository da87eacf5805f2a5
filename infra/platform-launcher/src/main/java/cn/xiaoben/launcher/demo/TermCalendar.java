package cn.xiaoben.launcher.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Autumn term 2026: 1 Sep – 20 Nov, Monday to Friday, without Mid-Autumn (25 Sep) and National Day week. */
public final class TermCalendar {

	public static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);

	public static final int LESSON_MINUTES = 45;

	/** Period start times; every lesson ends before 16:00. */
	public static final List<LocalTime> PERIODS = List.of(LocalTime.of(8, 0), LocalTime.of(8, 55),
			LocalTime.of(9, 55), LocalTime.of(10, 50), LocalTime.of(14, 0), LocalTime.of(14, 55));

	/** The weekly PD slots are planned up to here: the sessions after {@link #LAST_DAY} lie ahead and stay planned. */
	public static final LocalDate PLAN_UNTIL = LocalDate.of(2026, 11, 27);

	private static final Set<LocalDate> HOLIDAYS = holidays();

	private TermCalendar() {
	}

	public static List<LocalDate> schoolDays() {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
					&& !HOLIDAYS.contains(day)) {
				days.add(day);
			}
		}
		return List.copyOf(days);
	}

	/** The holiday's name (中秋节 / 国庆节) if {@code day} is a weekday off, else null. */
	public static String holiday(LocalDate day) {
		if (!HOLIDAYS.contains(day)) {
			return null;
		}
		return day.getMonthValue() == 9 ? "中秋节" : "国庆节";
	}

	private static Set<LocalDate> holidays() {
		List<LocalDate> days = new ArrayList<>();
		days.add(LocalDate.of(2026, 9, 25));
		for (int d = 1; d <= 7; d++) {
			days.add(LocalDate.of(2026, 10, d));
		}
		return Set.copyOf(days);
	}
}
