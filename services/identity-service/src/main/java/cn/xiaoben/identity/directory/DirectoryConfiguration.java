package cn.xiaoben.identity.directory;

import cn.xiaoben.identity.authserver.clients.ClientTemplates;
import cn.xiaoben.identity.directory.district.DistrictStore;
import cn.xiaoben.identity.directory.group.SubjectGroupService;
import cn.xiaoben.identity.directory.school.SchoolDirectory;
import cn.xiaoben.identity.directory.school.SchoolService;
import cn.xiaoben.identity.directory.teacher.TeacherService;
import cn.xiaoben.identity.directory.teacher.TeacherStore;
import cn.xiaoben.identity.directory.township.TownshipService;
import cn.xiaoben.identity.directory.transfer.TransferService;
import cn.xiaoben.messaging.outbox.EventOutbox;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    DistrictStore districtStore(MongoDatabase database, Clock clock) {
        return new DistrictStore(database, clock);
    }

    @Bean
    TownshipService townshipService(MongoDatabase database, EventOutbox outbox, Clock clock) {
        return new TownshipService(database, outbox, clock);
    }

    @Bean
    SchoolDirectory schoolDirectory(MongoDatabase database) {
        return new SchoolDirectory(database);
    }

    @Bean
    SchoolService schoolService(MongoDatabase database, SchoolDirectory directory, TownshipService townships,
                                ClientTemplates clients, PasswordEncoder passwords, EventOutbox outbox, Clock clock) {
        return new SchoolService(database, directory, townships, clients, passwords, outbox, clock);
    }

    @Bean
    SubjectGroupService subjectGroupService(MongoDatabase database, SchoolDirectory schools, EventOutbox outbox,
                                            Clock clock) {
        return new SubjectGroupService(database, schools, outbox, clock);
    }

    @Bean
    TeacherStore teacherStore(MongoDatabase database) {
        return new TeacherStore(database);
    }

    @Bean
    TeacherService teacherService(TeacherStore teachers, SchoolDirectory schools, SubjectGroupService groups,
                                  EventOutbox outbox, Clock clock) {
        return new TeacherService(teachers, schools, groups, outbox, clock);
    }

    @Bean
    TransferService transferService(TeacherStore teachers, SchoolDirectory schools, SubjectGroupService groups,
                                    EventOutbox outbox, Clock clock) {
        return new TransferService(teachers, schools, groups, outbox, clock);
    }
}
