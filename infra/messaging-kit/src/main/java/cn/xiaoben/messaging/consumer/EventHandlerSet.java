package cn.xiaoben.messaging.consumer;

import java.util.List;

/** A bean contributing several {@link EventHandler}s at once (the directory replica's, say). */
public interface EventHandlerSet {

    List<EventHandler<?>> handlers();
}
