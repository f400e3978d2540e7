#define _GNU_SOURCE
#include "CHTTPCoreShims.h"

#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

const uint32_t CHTTP_EPOLLIN = EPOLLIN;
const uint32_t CHTTP_EPOLLOUT = EPOLLOUT;
const uint32_t CHTTP_EPOLLERR = EPOLLERR;
const uint32_t CHTTP_EPOLLHUP = EPOLLHUP;
const int CHTTP_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
const int CHTTP_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
const int CHTTP_EPOLL_CTL_DEL = EPOLL_CTL_DEL;

int chttp_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int chttp_epoll_ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event event = { .events = events, .data = { .fd = fd } };
    return epoll_ctl(epfd, op, fd, &event);
}

int chttp_epoll_wait(int epfd, chttp_event *events, int max, int timeout_ms) {
    struct epoll_event ready[256];
    if (max > 256) max = 256;
    int count = epoll_wait(epfd, ready, max, timeout_ms);
    for (int index = 0; index < count; index++) {
        events[index].events = ready[index].events;
        events[index].fd = ready[index].data.fd;
    }
    return count;
}

int chttp_eventfd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

int chttp_accept4(int fd, struct sockaddr *address, socklen_t *length) {
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

void chttp_set_thread_name(const char *name) {
    pthread_setname_np(pthread_self(), name);
}
