"""The published guidance and papers the rules follow: one ``Source`` each, cited everywhere by these objects.

Pages cited (the wording of the flags paraphrases them; it never names a diagnosis):

- NHS, "Back pain": call 999 or go to A&E with back pain and pain, tingling,
  weakness or numbness in both legs; numbness or tingling around the genitals or
  buttocks; difficulty peeing; loss of bladder or bowel control; chest pain; or
  pain that started after a serious accident. Ask for an urgent GP appointment or
  call 111 with a very high temperature or feeling hot and shivery; weight loss
  without trying; a lump or swelling in the back or a change in its shape; pain
  that does not improve after resting or is worse at night; pain made worse by
  sneezing, coughing or pooing; pain coming from the top of the back (between the
  shoulders). See a GP when the pain does not improve after a few weeks, stops
  day-to-day activities, is very bad or getting worse over time.
- NICE CKS, "Back pain - low (without radiculopathy)", red flags: sexual
  dysfunction (such as new erection problems) with the emergency signs above; age
  over 50 with new back pain, a history of cancer, long-term corticosteroids and a
  weakened immune system lower the bar for assessment. NICE guideline NG59
  (recommendation 1.1.1: be alert to other causes; NSAIDs at the lowest dose for the
  shortest time).
- Mayo Clinic, "When to see a doctor for back pain" and "Back pain: symptoms and
  causes": see a doctor when pain lasts more than a few weeks, is severe, spreads
  down one or both legs (especially below the knee) or causes weakness, numbness or
  tingling in a leg; seek immediate care with new bowel or bladder problems, fever,
  or after a fall or blow.
- NHS and Mayo Clinic, "Hamstring injury": urgent care when you cannot put weight on
  the leg, heard a pop or have sudden bruising; a doctor or physiotherapist when it
  takes longer to heal than expected.
- NHS, "Ibuprofen for adults": do not take it for more than 10 days for pain
  without speaking to a doctor. NHS, "Hip pain in adults": see a GP when it has not
  improved after about 2 weeks. NHS, "Sports injuries": stop the activity and rest
  when it hurts.
- Farrar JT et al. (2001), Pain 94(2):149-158: about 2 points on the 0-10 scale is
  the smallest change that matters. Serlin RC et al. (1995), Pain 61(2):277-284:
  7-10 is severe pain, by how much it interferes with function. Krebs EE et al.
  (2009), J Gen Intern Med 24(6):733-738: the PEG scale, whose activity item asks
  how much pain interfered with general activity, 0-10.
- Nielsen RO et al. (2014), J Orthop Sports Phys Ther 44(10):739-747: weekly
  distance up by over 30 %.
- Frandsen JSB, Hulme A, Parner ET, Møller M, Ramskov D, Nielsen RO et al. (2025),
  Br J Sports Med 59(17):1203-10: single runs far longer than the longest of the 30
  days before.
"""

from __future__ import annotations

from journal.analysis.flags.model import Source

NHS_BACK_PAIN = Source("NHS", "Back pain", "https://www.nhs.uk/conditions/back-pain/")
NICE_CKS_BACK_PAIN = Source(
    "NICE CKS",
    "Back pain - low (without radiculopathy): red flags",
    "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
)
NICE_NG59 = Source("NICE", "Guideline NG59 on low back pain", "https://www.nice.org.uk/guidance/ng59")
MAYO_WHEN_TO_SEE = Source(
    "Mayo Clinic",
    "When to see a doctor for back pain",
    "https://www.mayoclinic.org/connected-care/when-to-see-a-doctor-for-back-pain/cpt-20470965",
)
MAYO_BACK_PAIN = Source(
    "Mayo Clinic",
    "Back pain: symptoms and causes",
    "https://www.mayoclinic.org/diseases-conditions/back-pain/symptoms-causes/syc-20369906",
)
MAYO_HAMSTRING = Source(
    "Mayo Clinic",
    "Hamstring injury",
    "https://www.mayoclinic.org/diseases-conditions/hamstring-injury/symptoms-causes/syc-20372985",
)
NHS_HAMSTRING = Source("NHS", "Hamstring injury", "https://www.nhs.uk/conditions/hamstring-injury/")
NHS_HIP_PAIN = Source("NHS", "Hip pain in adults", "https://www.nhs.uk/conditions/hip-pain/")
NHS_IBUPROFEN = Source("NHS", "Ibuprofen for adults", "https://www.nhs.uk/medicines/ibuprofen-for-adults/")
NHS_SPORTS_INJURIES = Source("NHS", "Sports injuries", "https://www.nhs.uk/conditions/sports-injuries/")
FARRAR_2001 = Source(
    "Farrar et al., Pain 2001",
    "Clinical importance of changes in chronic pain intensity (0-10 scale)",
    "https://pubmed.ncbi.nlm.nih.gov/11690728/",
)
SERLIN_1995 = Source(
    "Serlin et al., Pain 1995",
    "When is pain mild, moderate or severe? Grading pain severity by its interference with function",
    "https://pubmed.ncbi.nlm.nih.gov/7659438/",
)
KREBS_2009 = Source(
    "Krebs et al., J Gen Intern Med 2009",
    "The PEG, a three-item scale assessing pain intensity and interference",
    "https://pubmed.ncbi.nlm.nih.gov/19418100/",
)
NIELSEN_2014 = Source(
    "Nielsen et al., JOSPT 2014",
    "Excessive progression in weekly running distance and risk of running-related injuries",
    "https://pubmed.ncbi.nlm.nih.gov/25155475/",
)
FRANDSEN_2025 = Source(
    "Frandsen et al., Br J Sports Med 2025;59(17):1203-10",
    "How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study",
    "https://bjsm.bmj.com/content/59/17/1203",
)
