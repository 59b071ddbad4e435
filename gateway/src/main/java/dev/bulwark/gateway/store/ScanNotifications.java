package dev.bulwark.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every replica at once that a scan has new events, when the shared database is
 * PostgreSQL: each event's transaction sends {@code NOTIFY bulwark_scan_events, '<scan id>:<seq>'}
 * (delivered when it commits; see {@link ScanStore}), and each replica keeps one connection
 * {@code LISTEN}ing. Watchers on a replica that does not coordinate the scan then get its events
 * in milliseconds instead of at the next poll. Polling stays as the fallback (H2, or a listening
 * connection that broke and is being re-opened): a lost notification only delays an event.
 */
public final class ScanNotifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScanNotifications.class);
  static final String CHANNEL = "bulwark_scan_events";
  private static final int WAIT_MILLIS = 500;

  private final Jdbi jdbi;
  private final BiConsumer<String, Long> onEvent;
  private final Thread thread;
  private volatile boolean closed;
  private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);

  private ScanNotifications(Jdbi jdbi, BiConsumer<String, Long> onEvent) {
    this.jdbi = jdbi;
    this.onEvent = onEvent;
    this.thread = new Thread(this::listen, "scan-notifications");
    thread.setDaemon(true);
  }

  /** Listens when {@code store} is on PostgreSQL; else does nothing (watchers poll). */
  public static ScanNotifications start(ScanStore store, BiConsumer<String, Long> onEvent) {
    var n = new ScanNotifications(store.jdbi(), onEvent);
    if (store.postgres()) {
      n.thread.start();
    }
    return n;
  }

  private void listen() {
    while (!closed) {
      try (Handle h = jdbi.open()) {
        Connection c = h.getConnection();
        c.setAutoCommit(true);
        try (var st = c.createStatement()) {
          st.execute("LISTEN " + CHANNEL);
        }
        var pg = c.unwrap(PGConnection.class);
        listening.countDown();
        while (!closed) {
          var got = pg.getNotifications(WAIT_MILLIS);
          if (got == null) {
            continue;
          }
          for (var n : got) {
            dispatch(n.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        LOG.warn("listening for scan events failed (watchers poll meanwhile; retrying in 1 s): {}", e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void dispatch(String payload) {
    int colon = payload.lastIndexOf(':');
    if (colon <= 0) {
      return;
    }
    try {
      onEvent.accept(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
    } catch (NumberFormatException e) {
      LOG.debug("ignoring notification {}", payload);
    }
  }

  /** Waits until this replica listens (tests); false on H2, or when it did not in time. */
  boolean awaitListening(java.time.Duration timeout) throws InterruptedException {
    return thread.isAlive() && listening.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
