# The built-in rule set on papers whose topics are not in doubt.
command -v jq >/dev/null 2>&1 || { echo "jq not installed"; exit 77; }
check() {	# title abstract tag-that-must tag-that-must-not
	got=$(jq -cn --arg t "$1" --arg a "$2" '{title: $t, abstract: $a}' |
	    ptag | jq -c .tags)
	case $3 in ?*) echo "$got" | grep -q "\"$3\"" ||
	    { echo "$1: no $3 in $got"; exit 1; } ;; esac
	case $4 in ?*) echo "$got" | grep -q "\"$4\"" &&
	    { echo "$1: $4 in $got"; exit 1; } ;; esac
	:
}
check "Corrective Retrieval Augmented Generation" "We improve RAG." rag ""
check "A Survey on Diffusion Models for Video Generation" "" survey ""
check "A Survey on Diffusion Models for Video Generation" "" diffusion ""
check "A Survey on Diffusion Models for Video Generation" "" video ""
check "Code review with agents" "We automate code review." code survey
check "Direct Preference Optimization" "We fit RLHF without a reward model." preference ""
check "3D Gaussian Splatting in real time" "" 3d ""
check "Mixture-of-Experts at scale" "We route tokens to experts." moe ""
check "Quantized LLM inference" "4-bit weights." quantization ""
check "Diffusion of innovations in social networks" "Heat diffusion on graphs." "" diffusion
check "Fragile drag racing" "The rag trade." "" rag
# Words that name one topic in one phrase and another elsewhere.
check "Cross-lingual Transfer in Multilingual Large Language Models" "" multilingual ""
check "Domain-Specific Languages for Security" "" "" multilingual
check "Jailbreaking Aligned Models" "Our attack reaches an ASR of 90% on GPT-4." "" speech
check "Streaming ASR with Whisper" "" speech ""
check "Multilingual ASR on a budget" "We cut ASR errors by half." speech ""
check "Agentic Persona Control and Task State Tracking" "" "" vision
check "Multi-Object Tracking with Transformers" "" vision ""
check "Mixed-Integer Programming with Graph Networks" "" "" code
check "Program Synthesis from Examples" "We study program synthesis." code ""
check "Measuring the Depth of LLM Unlearning" "" "" 3d
check "Monocular Depth Estimation in the Wild" "" 3d ""
check "Adapting Embedding Models to Turkish via Tokenizer Surgery" "" "" medical
check "Robotic Surgery with Learned Policies" "" medical ""
