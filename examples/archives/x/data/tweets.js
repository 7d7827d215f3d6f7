window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000001"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/AbC1dEf2Gh",
            "expanded_url" : "https://www.hamburg.de/bergedorf/verkehr/schlossstrasse",
            "display_url" : "www.hamburg.de/bergedorf/v…",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "141"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000001",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000001",
      "created_at" : "Mon Apr 20 08:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Die Bergedorfer Schlossstraße ist ab Montag wegen Leitungsarbeiten bis zum 15. Mai gesperrt. Umleitung &amp; Details: https://t.co/AbC1dEf2Gh",
      "lang" : "de"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000002"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/Zx9Yw8Vu7T",
            "expanded_url" : "https://sitzungsdienst-bergedorf.hamburg.de/bi/vo020.asp?VOLFDNR=1234&options=4",
            "display_url" : "sitzungsdienst-bergedorf.h…",
            "indices" : [
              "0",
              "23"
            ]
          }
        ],
        "media" : [
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000002/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/MeDiA00001",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000020.jpg",
            "id_str" : "19150000000000000020",
            "id" : "19150000000000000020",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000020.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.x.com/MeDiA00001",
            "ext_alt_text" : "Der Bergedorfer Hafen mit Booten im Sonnenschein"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "124"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000002",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000002",
      "created_at" : "Tue Apr 21 11:30:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Heute im Regionalausschuss: Neue Sitzbänke für den Bergedorfer Hafen &lt;3 Die Vorlage gibt es hier: https://t.co/Zx9Yw8Vu7T https://t.co/MeDiA00001",
      "lang" : "de",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000002/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/MeDiA00001",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000020.jpg",
            "id_str" : "19150000000000000020",
            "id" : "19150000000000000020",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000020.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.x.com/MeDiA00001",
            "ext_alt_text" : "Der Bergedorfer Hafen mit Booten im Sonnenschein"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000003"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "78"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000003",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000003",
      "created_at" : "Wed Apr 22 15:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Kennst du schon unser Kundenzentrum? Komm einfach vorbei, wir helfen dir gern!",
      "lang" : "de"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000004"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000004/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/MeDiA00002",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000040.jpg",
            "id_str" : "19150000000000000040",
            "id" : "19150000000000000040",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000040.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.x.com/MeDiA00002"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "130"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000004",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000004",
      "created_at" : "Fri Apr 24 09:15:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Frühjahrsputz in Lohbrügge: Am Samstag sammeln Freiwillige Müll im Grünzug. Machen Sie mit! Treffpunkt 10 Uhr am Binnenfeldredder. https://t.co/MeDiA00002",
      "lang" : "de",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000004/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/MeDiA00002",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000040.jpg",
            "id_str" : "19150000000000000040",
            "id" : "19150000000000000040",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000040.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.x.com/MeDiA00002"
          },
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000004/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/MeDiA00002",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000041.jpg",
            "id_str" : "19150000000000000041",
            "id" : "19150000000000000041",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000041.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.x.com/MeDiA00002"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000005"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "289"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000005",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000005",
      "created_at" : "Mon Apr 27 13:45:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Das Bezirksamt Bergedorf informiert: Aufgrund einer Personalversammlung bleiben sämtliche Dienststellen einschließlich des Kundenzentrums, des Standesamtes, der Elterngeldstelle sowie der Wohngeldstelle am Mittwoch, den 29. April 2026, ganztägig geschlossen. Wir bitten um Ihr Verständnis.",
      "lang" : "de"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000006"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000006",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000006",
      "created_at" : "Wed Apr 29 10:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "RT @hamburg_de: Der Hamburger Hafengeburtstag startet am 8. Mai – alle Infos zum Programm: https://t.co/HaFeN0815x",
      "lang" : "de"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000007"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000007/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/ViDeO00003",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000070.jpg",
            "id_str" : "19150000000000000070",
            "id" : "19150000000000000070",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000070.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "video",
            "display_url" : "pic.x.com/ViDeO00003"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "61"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000007",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000007",
      "created_at" : "Mon May 04 07:30:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Video: So läuft die Anmeldung im Kundenzentrum Bergedorf ab 🎬 https://t.co/ViDeO00003",
      "lang" : "de",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://x.com/BA_Bergedorf/status/1915000000000000007/photo/1",
            "indices" : [
              "100",
              "123"
            ],
            "url" : "https://t.co/ViDeO00003",
            "media_url" : "http://pbs.twimg.com/media/19150000000000000070.jpg",
            "id_str" : "19150000000000000070",
            "id" : "19150000000000000070",
            "media_url_https" : "https://pbs.twimg.com/media/19150000000000000070.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              }
            },
            "type" : "video",
            "display_url" : "pic.x.com/ViDeO00003"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1915000000000000008"
          ],
          "editableUntil" : "2026-05-04T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/WaHl2026xx",
            "expanded_url" : "https://www.hamburg.de/bergedorf/wahlhelfer",
            "display_url" : "www.hamburg.de/bergedorf/w…",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "162"
      ],
      "favorite_count" : "4",
      "id_str" : "1915000000000000008",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1915000000000000008",
      "created_at" : "Wed May 06 12:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Wahlhelferinnen und Wahlhelfer gesucht! Für die Bezirksversammlungswahl suchen wir engagierte Bergedorferinnen und Bergedorfer. Anmeldung: https://t.co/WaHl2026xx",
      "lang" : "de"
    }
  }
]
