# The built-in set on the confusions it was fixed for: each case once as it
# went wrong, and once as the tag should still come.
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
# TTS for test-time scaling is not speech; TTS for text-to-speech is.
check "Test-Time Scaling with Verifiers" "Test-time scaling (TTS) spends compute at inference. We study TTS for math." reasoning speech
check "Fast Voices" "We cut TTS latency. Our TTS model streams audio." speech ""
# A text diffusion model is not image generation for one passing phrase.
check "Language Modeling with Continuous Latent Diffusion" "We train a latent diffusion model on text, a recipe known from visual generation." diffusion image-gen
check "Unified Discrete Diffusion" "Our model handles text-to-image generation and captioning." image-gen ""
# One passing mention in the abstract adds no tag; two do.
check "GEAR: Autoregression for Image Synthesis" "Tokens come from a quantized codebook." image-gen quantization
check "Small Models" "We study quantization of weights. Quantization error stays low." quantization ""
check "A Model" "We also report results on safety benchmarks." "" safety
# llm: named three times in the abstract, unless the title is about VLMs.
check "Swarm Intelligence Benchmark" "LLMs coordinate. We test LLMs on tasks. LLMs fail." llm ""
check "Region-Prompted Vision Language Model" "LLMs coordinate. We test LLMs on tasks. LLMs fail." multimodal llm
check "Agents in Minecraft" "We use an LLM once." "" llm
# retrieval for a model is rag, not retrieval as a task.
check "Reasoning in Trees: Improving Retrieval-Augmented Generation" "" rag retrieval
check "Dense Passage Retrieval at Scale" "" retrieval ""
# Geometry in a title is rarely mathematics; ARC is reasoning.
check "Video Alignment via Metric Geometry Rewards" "" "" math
check "Scaling Visual ARC with Looped Transformers" "" reasoning ""
# On-policy distillation trains a model; it does not shrink one.
check "A Unified Perspective of On-Policy Distillation" "" "" distillation
check "Knowledge Distillation for Small Detectors" "" distillation ""
# Hiding information is security, and so is keeping eavesdroppers out.
check "Embedding Textual Information in Images" "" privacy retrieval
check "Secure Communication via Modulation Order Confusion" "" privacy ""
