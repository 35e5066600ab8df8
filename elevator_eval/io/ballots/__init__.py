"""Reading returned consent forms from scans and photos.

- :mod:`.scans` — load PNG, JPEG and multi-page PDF files into grey pages, with caps on
  pixels, pages and bytes;
- :mod:`.reader` — find the form's QR code (zxing-cpp), locate the tick boxes from the QR and
  the fiducials (homography), read each box by ink coverage;
- :mod:`.batch` — judge each form (signature, scheme version, duplicates, other sources) and
  record the counted ones with their evidence.
"""
