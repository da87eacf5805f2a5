package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.xiaoben.launcher.demo.DemoCounty.Observation;
import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;

class DemoCountyGeneratorTest {

	private final DemoCounty county = DemoCountyGenerator.generate();

	@Test
	void isDeterministic() {
		assertThat(DemoCountyGenerator.generate()).isEqualTo(county);
		assertThat(DemoCountyGenerator.generate(42L)).isNotEqualTo(county);
	}

	@Test
	void hasTheExpectedSize() {
		assertThat(county.name()).isEqualTo("云溪县");
		assertThat(county.townships()).extracting(DemoCounty.Township::name).containsExactly("城关镇", "河口镇", "石桥镇");
		assertThat(county.townships()).allSatisfy(t -> assertThat(t.schools()).hasSize(4));
		assertThat(county.schools()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(county.teacherCount()).isGreaterThanOrEqualTo(400);
		assertThat(county.schools()).allSatisfy(s -> assertThat(s.teachers()).hasSize(34));
		assertThat(county.observationCount()).isEqualTo(county.teacherCount() * 6);
		assertThat(county.schools()).extracting(School::stage).contains(Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR);
	}

	@Test
	void teachersArePlausible() {
		for (School school : county.schools()) {
			assertThat(school.teachers()).extracting(Teacher::name).doesNotHaveDuplicates()
				.allSatisfy(name -> assertThat(name).hasSizeBetween(2, 3));
			for (Teacher teacher : school.teachers()) {
				assertThat(teacher.birthYear()).isBetween(1965, 2000);
				assertThat(teacher.title()).isIn("三级教师", "二级教师", "一级教师", "高级教师");
				assertThat(teacher.gender()).isIn("男", "女");
				assertThat(school.subjects()).contains(teacher.subject());
				assertThat(Curriculum.grades(school.stage(), teacher.subject())).contains(teacher.grade());
			}
			if (school.stage() == Stage.PRIMARY) {
				assertThat(school.subjects()).doesNotContain("物理", "化学");
			}
			else {
				assertThat(school.subjects()).contains("物理");
			}
			assertThat(school.teachers().stream().map(Teacher::subject).distinct().toList())
				.containsExactlyInAnyOrderElementsOf(school.subjects());
		}
		assertThat(county.schools().stream().flatMap(s -> s.teachers().stream()).map(Teacher::key))
			.doesNotHaveDuplicates();
	}

	@Test
	void observationsAreATermOfPlausibleLessons() {
		Set<String> keys = new HashSet<>();
		int sameGroup = 0;
		for (School school : county.schools()) {
			Map<String, Teacher> teachers = school.teachers().stream()
				.collect(Collectors.toMap(Teacher::key, Function.identity()));
			Map<String, Long> perObserver = school.observations().stream()
				.collect(Collectors.groupingBy(Observation::observerKey, Collectors.counting()));
			assertThat(perObserver).hasSize(34).allSatisfy((k, count) -> assertThat(count).isEqualTo(6L));
			Set<String> slots = new HashSet<>();
			for (Observation o : school.observations()) {
				assertThat(keys.add(o.key())).as("unique key %s", o.key()).isTrue();
				assertThat(o.key()).startsWith("demo-obs-" + school.code() + "-");
				Teacher observer = teachers.get(o.observerKey());
				Teacher observed = teachers.get(o.teacherKey());
				assertThat(observer).isNotNull();
				assertThat(observed).isNotNull().isNotSameAs(observer);
				assertThat(o.subject()).isEqualTo(observed.subject());
				assertThat(o.grade()).isEqualTo(observed.grade());
				assertThat(Curriculum.topics(school.stage(), o.subject())).extracting(Curriculum.Topic::title)
					.contains(o.topic());
				assertThat(TermCalendar.schoolDays()).contains(o.observedAt().toLocalDate());
				LocalTime start = o.observedAt().toLocalTime();
				assertThat(start).isBetween(LocalTime.of(8, 0), LocalTime.of(15, 15));
				assertThat(o.observedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
				assertThat(o.durationMinutes()).isEqualTo(45);
				assertThat(o.scores()).containsOnlyKeys(ObservationPlanner.DIMENSIONS)
					.allSatisfy((k, v) -> assertThat(v).isBetween(60, 98));
				assertThat(o.comment()).isNotBlank().endsWith("。");
				assertThat(slots.add(o.observerKey() + "|" + o.observedAt()))
					.as("observer %s in two lessons at %s", o.observerKey(), o.observedAt())
					.isTrue();
				if (observer.subject().equals(observed.subject())) {
					sameGroup++;
				}
			}
		}
		assertThat(sameGroup).isGreaterThan(county.observationCount() * 6 / 10);
	}

	@Test
	void staffAccountsCoverEveryRole() {
		List<DemoCounty.StaffAccount> staff = county.staff();
		assertThat(staff).extracting(DemoCounty.StaffAccount::username).doesNotHaveDuplicates()
			.contains("bureau.admin", "jyy.zhang");
		assertThat(staff).filteredOn(a -> a.role().equals("TOWNSHIP_ADMIN")).hasSize(3);
		assertThat(staff).filteredOn(a -> a.role().equals("SCHOOL_ADMIN")).hasSize(12);
		assertThat(staff).filteredOn(a -> a.role().equals("GROUP_LEAD")).hasSize(1);
		assertThat(staff).filteredOn(a -> a.role().equals("TEACHER")).hasSize(2)
			.allSatisfy(a -> assertThat(a.teacherKey()).isNotNull());
		assertThat(staff).filteredOn(a -> a.role().equals("EXPERT")).hasSize(1);
	}

	@Test
	void termCalendarSkipsWeekendsAndHolidays() {
		assertThat(TermCalendar.schoolDays()).first().hasToString("2026-09-01");
		assertThat(TermCalendar.schoolDays()).last().hasToString("2026-11-20");
		assertThat(TermCalendar.schoolDays()).extracting(Object::toString)
			.doesNotContain("2026-09-05", "2026-09-25", "2026-10-01", "2026-10-07");
	}
}
