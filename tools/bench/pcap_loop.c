/* Benchmark baseline: the cheapest possible libpcap read of a capture file (pcap_open_offline +
 * pcap_next_ex), counting frames and captured bytes and nothing else. Prints "frames bytes seconds" on one
 * line; with --version, the libpcap version instead. */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char** argv) {
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        puts(pcap_lib_version());
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.pcap\n", argv[0]);
        return 2;
    }
    char err[PCAP_ERRBUF_SIZE];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pcap_t* p = pcap_open_offline(argv[1], err);
    if (!p) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    uint64_t frames = 0, bytes = 0;
    struct pcap_pkthdr* h;
    const u_char* data;
    int rc;
    while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
        ++frames;
        bytes += h->caplen;
    }
    if (rc == PCAP_ERROR) {
        fprintf(stderr, "%s\n", pcap_geterr(p));
        return 1;
    }
    pcap_close(p);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%llu %llu %.6f\n", (unsigned long long)frames, (unsigned long long)bytes,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
