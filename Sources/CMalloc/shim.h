#ifndef ARBITER_CMALLOC_SHIM_H
#define ARBITER_CMALLOC_SHIM_H
// glibc's malloc tuning (`mallopt`), which the Glibc module does not export. Empty on
// other systems, whose allocators have no such knobs.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
