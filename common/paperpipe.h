/* paperpipe.h: the record library, in the order its headers need */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "util.h"
#include "buf.h"
#include "utf8.h"
#include "text.h"
#include "ident.h"
#include "json.h"
#include "jval.h"
#include "lines.h"
#include "out.h"
#include "rec.h"
#include "path.h"
#include "tool.h"

#define PAPERPIPE_VERSION	"0.1.0"
