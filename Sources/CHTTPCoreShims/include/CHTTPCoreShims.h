// Linux system calls that Swift's Glibc module does not export (epoll, eventfd, and the GNU
// extensions accept4 and pthread_setname_np), wrapped as plain C functions for HTTPCore.
#ifndef CHTTPCORESHIMS_H
#define CHTTPCORESHIMS_H

#include <stdint.h>
#include <sys/socket.h>

/// One ready descriptor reported by `chttp_epoll_wait` (a plain, unpacked copy of `struct epoll_event`).
typedef struct {
    uint32_t events;
    int32_t fd;
} chttp_event;

extern const uint32_t CHTTP_EPOLLIN;
extern const uint32_t CHTTP_EPOLLOUT;
extern const uint32_t CHTTP_EPOLLERR;
extern const uint32_t CHTTP_EPOLLHUP;
extern const int CHTTP_EPOLL_CTL_ADD;
extern const int CHTTP_EPOLL_CTL_MOD;
extern const int CHTTP_EPOLL_CTL_DEL;

int chttp_epoll_create(void);
int chttp_epoll_ctl(int epfd, int op, int fd, uint32_t events);
/// Waits like epoll_wait, copying at most `max` ready events into `events`.
int chttp_epoll_wait(int epfd, chttp_event *events, int max, int timeout_ms);

int chttp_eventfd(void);
int chttp_accept4(int fd, struct sockaddr *address, socklen_t *length);
void chttp_set_thread_name(const char *name);

#endif
