"""Search for Chinese: the segmenter's dictionary and lunxun's engine behind the theme's box.

``segmenter`` teaches jieba the site's own terms; ``material`` wires lunxun's search
script (assets/search.js) and the offline pieces into a Material for MkDocs build.
"""
