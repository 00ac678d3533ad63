#ifndef ARBITER_CYAML_SHIM_H
#define ARBITER_CYAML_SHIM_H
#include <yaml.h>
#endif
