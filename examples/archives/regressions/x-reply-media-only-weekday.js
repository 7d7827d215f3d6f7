window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [ "1787415093371920418" ],
          "editableUntil" : "2026-05-06T09:12:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Hamburger Hochbahn",
            "screen_name" : "HamburgerHochbahn",
            "indices" : [ "0", "18" ],
            "id_str" : "110342960",
            "id" : "110342960"
          },
          {
            "name" : "NDR",
            "screen_name" : "NDR",
            "indices" : [ "19", "23" ],
            "id_str" : "19015336",
            "id" : "19015336"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [ "24", "292" ],
      "favorite_count" : "3",
      "in_reply_to_status_id_str" : "1787398825520513189",
      "id_str" : "1787415093371920418",
      "in_reply_to_user_id" : "110342960",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1787415093371920418",
      "in_reply_to_status_id" : "1787398825520513189",
      "created_at" : "Wed May 06 08:12:03 +0000 2026",
      "favorited" : false,
      "full_text" : "@HamburgerHochbahn @NDR Danke für den Hinweis! Die Ampel an der Kreuzung Bergedorfer Straße/Vierlandenstraße ist seit heute Morgen repariert. Bitte melden Sie Störungen an Ampeln jederzeit über den Meldemichel der Stadt Hamburg, dann kümmern sich die Kollegen darum. Guten Start in die Woche!",
      "lang" : "de",
      "in_reply_to_screen_name" : "HamburgerHochbahn",
      "in_reply_to_user_id_str" : "110342960"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/BA_Bergedorf/status/1788140520946364522/photo/1",
            "indices" : [ "0", "23" ],
            "url" : "https://t.co/Xy7pQm2LkA",
            "media_url" : "http://pbs.twimg.com/media/GNBxYcAXcAAqv3d.jpg",
            "id_str" : "1788140515523186688",
            "id" : "1788140515523186688",
            "media_url_https" : "https://pbs.twimg.com/media/GNBxYcAXcAAqv3d.jpg",
            "sizes" : {
              "large" : { "w" : "2048", "h" : "1365", "resize" : "fit" },
              "thumb" : { "w" : "150", "h" : "150", "resize" : "crop" }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/Xy7pQm2LkA"
          }
        ]
      },
      "display_text_range" : [ "0", "0" ],
      "favorite_count" : "12",
      "id_str" : "1788140520946364522",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1788140520946364522",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 08 08:14:41 +0000 2026",
      "favorited" : false,
      "full_text" : "https://t.co/Xy7pQm2LkA",
      "lang" : "zxx",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/BA_Bergedorf/status/1788140520946364522/photo/1",
            "indices" : [ "0", "23" ],
            "url" : "https://t.co/Xy7pQm2LkA",
            "media_url" : "http://pbs.twimg.com/media/GNBxYcAXcAAqv3d.jpg",
            "id_str" : "1788140515523186688",
            "id" : "1788140515523186688",
            "media_url_https" : "https://pbs.twimg.com/media/GNBxYcAXcAAqv3d.jpg",
            "ext_alt_text" : "Blühende Kirschbäume am Bergedorfer Schlossgraben",
            "type" : "photo",
            "display_url" : "pic.twitter.com/Xy7pQm2LkA"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [ "0", "61" ],
      "favorite_count" : "1",
      "id_str" : "1050460567434211329",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1050460567434211329",
      "created_at" : "Wed Oct 11 20:19:24 +0000 2018",
      "favorited" : false,
      "full_text" : "Heute Abend tagt die Bezirksversammlung im Rathaus Bergedorf.",
      "lang" : "de"
    }
  }
]
