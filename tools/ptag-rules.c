/* ptag-rules.c: ptag's built-in rules, in the rules-file syntax */

const char ptag_builtin[] =
"# test\n"
"llm  large language models?|LLMs?\n"
"rag  =RAG\n";
